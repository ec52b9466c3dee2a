namespace Manuals.Core.Reading;

/// <summary>What the reader has with the manual they opened: whether it is a favourite, and their required reading of it.</summary>
public sealed record ManualForReader(bool IsFavorite, ReadingRow? Required);
