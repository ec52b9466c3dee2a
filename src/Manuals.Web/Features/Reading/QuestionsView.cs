using Manuals.Core.Manuals;
using Manuals.Core.Reading;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// The 理解度チェック editor of a manual: the questions as written (or as posted, with what is wrong), and as many
/// slots as to offer one more question, up to <see cref="CheckQuestions.MaxQuestions"/>.
/// </summary>
public sealed record QuestionsView(Manual Manual, QuestionsForm Form, IReadOnlyList<string> Errors)
{
    /// <summary>How many question slots the form shows: the questions written and one more (three to start with).</summary>
    public int Slots => Math.Min(CheckQuestions.MaxQuestions, Math.Max(3, Form.Questions.Count + 1));
}
