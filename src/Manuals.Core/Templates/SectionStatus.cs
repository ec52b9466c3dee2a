namespace Manuals.Core.Templates;

/// <summary>How far a manual has filled one section of its template.</summary>
/// <param name="Name">The section's heading as the template writes it.</param>
/// <param name="Required">Whether publishing needs it filled.</param>
/// <param name="Filled">The manual has the heading and wrote something under it other than the template's hint.</param>
/// <param name="PresentInManual">The manual has the heading at all (filled or not).</param>
public sealed record SectionStatus(string Name, bool Required, bool Filled, bool PresentInManual);
