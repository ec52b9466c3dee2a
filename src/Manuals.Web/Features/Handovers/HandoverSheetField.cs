namespace Manuals.Web.Features.Handovers;

/// <summary>One label/value pair of the checklist's header, e.g. 前任者 / 山田 太郎（経理部）.</summary>
public sealed record HandoverSheetField(string Label, string Value);
