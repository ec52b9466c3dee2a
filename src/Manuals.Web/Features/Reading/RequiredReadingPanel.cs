using Manuals.Core.Manuals;
using Manuals.Core.Reading;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// The reader's own 必読 on a manual page: above the manual (<see cref="AtEnd"/> false) or, with 「読みました」 and the
/// 理解度チェック, after it.
/// </summary>
public sealed record RequiredReadingPanel(
    Manual Manual, ReadingRow Reading, DateOnly Today, bool AtEnd, IReadOnlyList<CheckQuestion> Questions, CheckAttempt? Attempt);
