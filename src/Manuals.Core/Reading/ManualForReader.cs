namespace Manuals.Core.Reading;

/// <summary>
/// What the reader has with the manual they opened: whether it is a favourite, their required reading of it, and the
/// 理解度チェック to answer when confirming it (empty when it has none or they have confirmed).
/// </summary>
public sealed record ManualForReader(bool IsFavorite, ReadingRow? Required, IReadOnlyList<CheckQuestion> Questions);
