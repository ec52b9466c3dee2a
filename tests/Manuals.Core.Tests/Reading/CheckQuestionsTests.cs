using Manuals.Core.Reading;

namespace Manuals.Core.Tests.Reading;

/// <summary>The rules of a 理解度チェック and how answers are marked.</summary>
public sealed class CheckQuestionsTests
{
    private static readonly CheckQuestion Closing = new("締め日は？", ["15日", "末日"], 1);

    [Fact]
    public void Validate_WellWrittenQuestions_HaveNoErrors() =>
        Assert.Empty(CheckQuestions.Validate([Closing, new CheckQuestion("承認者は？", ["課長", "部長", "社長", "本人", "不要"], 4)]));

    public static TheoryData<CheckQuestion, string> Broken => new()
    {
        { new CheckQuestion(" ", ["a", "b"], 0), "QuestionMissing" },
        { new CheckQuestion(new string('問', CheckQuestions.MaxTextLength + 1), ["a", "b"], 0), "QuestionTooLong" },
        { new CheckQuestion("q", ["a"], 0), "ChoicesCount" },
        { new CheckQuestion("q", ["a", "b", "c", "d", "e", "f"], 0), "ChoicesCount" },
        { new CheckQuestion("q", ["a", ""], 0), "ChoicesCount" },
        { new CheckQuestion("q", ["a", new string('x', CheckQuestions.MaxChoiceLength + 1)], 0), "ChoiceTooLong" },
        { new CheckQuestion("q", ["同じ", "同じ"], 0), "ChoicesRepeated" },
        { new CheckQuestion("q", ["a", "b"], -1), "CorrectMissing" },
        { new CheckQuestion("q", ["a", "b"], 2), "CorrectMissing" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BrokenQuestion_NamesTheRuleAndTheQuestionNumber(CheckQuestion broken, string code)
    {
        var error = Assert.Single(CheckQuestions.Validate([Closing, broken]));

        Assert.Equal((code, "Questions[1]", "2"), (error.Code, error.Field, error.Detail));
    }

    [Fact]
    public void Validate_MoreThanTheLimit_IsRefused() =>
        Assert.Contains(
            CheckQuestions.Validate(Enumerable.Repeat(Closing, CheckQuestions.MaxQuestions + 1).ToList()),
            e => e.Code == "TooManyQuestions");

    [Fact]
    public void Mark_ReturnsTheNumbersOfWrongAndUnansweredQuestions()
    {
        CheckQuestion[] questions = [Closing, Closing, Closing];

        Assert.Empty(CheckQuestions.Mark(questions, [1, 1, 1]));
        Assert.Equal([1, 3], CheckQuestions.Mark(questions, [0, 1, null]));
        Assert.Equal([2, 3], CheckQuestions.Mark(questions, [1]));
    }
}
