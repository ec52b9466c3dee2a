using System.Globalization;
using Manuals.Core.Common;

namespace Manuals.Core.Reading;

/// <summary>
/// The rules of a manual's 理解度チェック: a few questions, each with two to five answers of which one is right; and
/// how a reader's answers are marked. Confirming 「読みました」 needs every answer right.
/// </summary>
public static class CheckQuestions
{
    public const int MaxQuestions = 10;

    public const int MaxChoices = 5;

    public const int MaxTextLength = 200;

    public const int MaxChoiceLength = 100;

    /// <summary>
    /// What is wrong with the questions as written; the field names the question (<c>Questions[2]</c>) and the detail
    /// its number as the writer sees it (問3).
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(IReadOnlyList<CheckQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var errors = new List<ValidationError>();
        if (questions.Count > MaxQuestions)
        {
            errors.Add(new ValidationError("Questions", "TooManyQuestions", MaxQuestions.ToString(CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var field = $"Questions[{i}]";
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(question.Text))
            {
                errors.Add(new ValidationError(field, "QuestionMissing", number));
            }
            else if (question.Text.Length > MaxTextLength)
            {
                errors.Add(new ValidationError(field, "QuestionTooLong", number));
            }

            if (question.Choices.Count is < 2 or > MaxChoices || question.Choices.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add(new ValidationError(field, "ChoicesCount", number));
            }
            else if (question.Choices.Any(c => c.Length > MaxChoiceLength))
            {
                errors.Add(new ValidationError(field, "ChoiceTooLong", number));
            }
            else if (question.Choices.Distinct(StringComparer.Ordinal).Count() != question.Choices.Count)
            {
                errors.Add(new ValidationError(field, "ChoicesRepeated", number));
            }

            if (question.Correct < 0 || question.Correct >= question.Choices.Count)
            {
                errors.Add(new ValidationError(field, "CorrectMissing", number));
            }
        }

        return errors;
    }

    /// <summary>
    /// The numbers (1-based) of the questions answered wrongly or not at all; empty when every answer is right.
    /// </summary>
    /// <param name="answers">The chosen answer's index per question, in order; missing or null is unanswered.</param>
    public static IReadOnlyList<int> Mark(IReadOnlyList<CheckQuestion> questions, IReadOnlyList<int?> answers)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(answers);
        return Enumerable.Range(0, questions.Count)
            .Where(i => i >= answers.Count || answers[i] != questions[i].Correct)
            .Select(i => i + 1)
            .ToList();
    }
}
