using Manuals.Core.Manuals;

namespace Manuals.Core.Reading;

/// <summary>
/// The outcome of 「読みました」: <see cref="SaveOutcome.Saved"/> when confirmed; <see cref="SaveOutcome.Invalid"/> with
/// <see cref="Wrong"/> when a 理解度チェック answer was wrong or missing (the numbers of those questions), or with none
/// when the manual is not assigned to the reader.
/// </summary>
public sealed record ConfirmResult(SaveOutcome Outcome, IReadOnlyList<int> Wrong)
{
    public static ConfirmResult Of(SaveOutcome outcome) => new(outcome, []);
}
