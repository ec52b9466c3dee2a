namespace Manuals.Core.Reading;

/// <summary>
/// One multiple-choice question of a manual's 理解度チェック, written by whoever may edit the manual.
/// </summary>
/// <param name="Text">The question.</param>
/// <param name="Choices">Two to <see cref="CheckQuestions.MaxChoices"/> answers, in the order shown.</param>
/// <param name="Correct">The index of the right answer in <paramref name="Choices"/>.</param>
public sealed record CheckQuestion(string Text, IReadOnlyList<string> Choices, int Correct);
