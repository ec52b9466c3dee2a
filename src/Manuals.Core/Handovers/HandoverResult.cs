using Manuals.Core.Common;
using Manuals.Core.Manuals;

namespace Manuals.Core.Handovers;

/// <summary>How an action on a handover ended; on <see cref="SaveOutcome.Invalid"/> the rules the input broke.</summary>
public sealed record HandoverResult(SaveOutcome Outcome, long Id, IReadOnlyList<ValidationError> Errors)
{
    public static HandoverResult Saved(long id) => new(SaveOutcome.Saved, id, []);

    public static HandoverResult Failed(SaveOutcome outcome, long id = 0) => new(outcome, id, []);

    public static HandoverResult Invalid(long id, params ValidationError[] errors) => new(SaveOutcome.Invalid, id, errors);
}
