namespace Manuals.Web.Features.Handovers;

/// <summary>One common item (アカウントと権限, ファイルの保管場所 …) with its note and whether it is done.</summary>
public sealed record HandoverSheetCheck(string Label, string Note, bool Done);
