using Manuals.Core.Reading;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// The 理解度チェック form as posted: a slot per question with up to <see cref="CheckQuestions.MaxChoices"/> choice
/// fields and the index of the slot marked 正解. Empty slots are dropped; so are empty choice fields, the right answer
/// following its choice.
/// </summary>
public sealed class QuestionsForm
{
    public List<QuestionInput> Questions { get; set; } = [];

    public static QuestionsForm From(IReadOnlyList<CheckQuestion> questions) => new()
    {
        Questions = questions.Select(q => new QuestionInput { Text = q.Text, Choices = [.. q.Choices], Correct = q.Correct }).ToList(),
    };

    /// <summary>Drops the empty slots, so that 問N in a message is the N-th question the form shows again.</summary>
    public QuestionsForm Compact() => new()
    {
        Questions = Questions.Where(q => !string.IsNullOrWhiteSpace(q.Text) || q.Choices.Any(c => !string.IsNullOrWhiteSpace(c))).ToList(),
    };

    /// <summary>
    /// The questions written (call on a <see cref="Compact"/> form), in order; a question's right answer is -1 when its
    /// 正解 is an empty field or none.
    /// </summary>
    public IReadOnlyList<CheckQuestion> ToQuestions() =>
        Questions
            .Select(q =>
            {
                var filled = q.Choices.Select((text, slot) => (Text: text?.Trim() ?? "", Slot: slot)).Where(c => c.Text.Length > 0).ToList();
                var correct = filled.FindIndex(c => c.Slot == q.Correct);
                return new CheckQuestion(q.Text?.Trim() ?? "", filled.Select(c => c.Text).ToList(), correct);
            })
            .ToList();

    /// <summary>One question's fields.</summary>
    public sealed class QuestionInput
    {
        public string? Text { get; set; }

        public List<string?> Choices { get; set; } = [];

        public int? Correct { get; set; }
    }
}
