namespace Manuals.Core.Calendar;

/// <summary>One public holiday: its date and its Japanese name (「春分の日」, 「振替休日」, 「国民の休日」).</summary>
/// <param name="Date">The day off.</param>
/// <param name="Name">The name the Cabinet Office calendar uses.</param>
public sealed record Holiday(DateOnly Date, string Name);
