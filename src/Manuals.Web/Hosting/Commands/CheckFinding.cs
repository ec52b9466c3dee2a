namespace Manuals.Web.Hosting.Commands;

/// <summary>One line of <c>check</c>'s report: what was found and, when it needs attention, what to do.</summary>
public sealed record CheckFinding(CheckLevel Level, string Message);
