namespace Manuals.Core.Handovers;

/// <summary>A common item of the handover (accounts, files, contacts, work in progress, equipment) with a note and a box.</summary>
public sealed record HandoverCommonItem(CommonItemKind Kind, string Note, bool Done);
