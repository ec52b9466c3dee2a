namespace Manuals.Core.Manuals.Import;

/// <summary>What one Markdown file holds: the manual's first revision plus optional review facts from its front matter.</summary>
/// <param name="Draft">Title, department, status, text…</param>
/// <param name="ReviewedOn">Front matter <c>reviewed: 2025-04-01</c>: when the manual was last confirmed right.</param>
/// <param name="ReviewIntervalDays">Front matter <c>review_interval_days: 90</c>.</param>
public sealed record ParsedManualFile(ManualDraft Draft, DateOnly? ReviewedOn, int? ReviewIntervalDays);
