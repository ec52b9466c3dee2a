namespace Manuals.Core.Audit;

/// <summary>Whether the recorded action worked. Stored as <c>success</c> / <c>failure</c>.</summary>
public enum AuditOutcome
{
    Success,
    Failure,
}
