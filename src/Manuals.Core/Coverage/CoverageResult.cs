using Manuals.Core.Common;
using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>How a create or save of a task or an employee ended.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Id">The task's or employee's id (0 when a create did not happen).</param>
/// <param name="Errors">On <see cref="SaveOutcome.Invalid"/>, the rules the input broke.</param>
public sealed record CoverageResult(SaveOutcome Outcome, long Id, IReadOnlyList<ValidationError> Errors)
{
    public static CoverageResult Saved(long id) => new(SaveOutcome.Saved, id, []);

    public static CoverageResult Failed(SaveOutcome outcome, long id = 0) => new(outcome, id, []);

    public static CoverageResult Invalid(IReadOnlyList<ValidationError> errors, long id = 0) => new(SaveOutcome.Invalid, id, errors);
}
