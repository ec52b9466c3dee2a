using Manuals.Core.Manuals;

namespace Manuals.Core.Reading;

/// <summary>
/// The outcome of assigning the manuals of chosen tasks: those assigned, those skipped because the viewer may not edit
/// them, or what is wrong (nothing assigned then).
/// </summary>
public sealed record TaskReadingResult(
    SaveOutcome Outcome, IReadOnlyList<Manual> Assigned, IReadOnlyList<Manual> Skipped, IReadOnlyList<ManualError> Errors)
{
    public static TaskReadingResult Invalid(IReadOnlyList<ManualError> errors) => new(SaveOutcome.Invalid, [], [], errors);
}
