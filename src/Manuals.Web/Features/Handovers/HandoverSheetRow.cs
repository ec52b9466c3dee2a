namespace Manuals.Web.Features.Handovers;

/// <summary>One task of the checklist's table.</summary>
/// <param name="Task">The task's name.</param>
/// <param name="Schedule">Frequency and next due date; may hold '\n' between the two lines.</param>
/// <param name="Manual">The manual's state.</param>
/// <param name="Successor">Who takes the task over.</param>
/// <param name="Checks">Four boxes: マニュアル確認, 同席して実施, 単独で実施, 権限・アカウント移管; true prints a ticked box.</param>
public sealed record HandoverSheetRow(string Task, string Schedule, string Manual, string Successor, IReadOnlyList<bool> Checks);
