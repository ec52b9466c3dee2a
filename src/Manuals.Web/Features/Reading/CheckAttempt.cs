namespace Manuals.Web.Features.Reading;

/// <summary>
/// A reader's answers to a 理解度チェック that were not all right, shown again on the manual page: what they chose and
/// the numbers of the questions to look at again (never the right answers).
/// </summary>
public sealed record CheckAttempt(IReadOnlyList<int?> Answers, IReadOnlyList<int> Wrong);
