namespace Manuals.Web.Features.Handovers;

/// <summary>A row of the sign-off page: a task and who takes it over (empty when nobody has been chosen yet).</summary>
public sealed record HandoverSignOffRow(string TaskName, string SuccessorName);
