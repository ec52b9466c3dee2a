using Manuals.Core.Common;
using Manuals.Core.Manuals;

namespace Manuals.Core.Approvals;

/// <summary>The result of an approval action.</summary>
/// <param name="Outcome">What happened; <see cref="SaveOutcome.Conflict"/> when someone else acted first or the manual moved on.</param>
/// <param name="Request">The request as it was before the action (null when not found).</param>
/// <param name="Errors">On <see cref="SaveOutcome.Invalid"/>, the rules the input broke.</param>
public sealed record ApprovalResult(SaveOutcome Outcome, ApprovalRequest? Request, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>The last stage approved: the request's text is now the manual's current revision.</summary>
    public bool Completed { get; init; }

    /// <summary>On <see cref="Completed"/>, the manual as it was before (for the audit log).</summary>
    public Manual? Previous { get; init; }

    /// <summary>On a <see cref="SaveOutcome.Conflict"/>, true when the manual no longer is at the request's base revision.</summary>
    public bool ManualMoved { get; init; }

    public static ApprovalResult Failed(SaveOutcome outcome, ApprovalRequest? request = null) => new(outcome, request, []);
}
