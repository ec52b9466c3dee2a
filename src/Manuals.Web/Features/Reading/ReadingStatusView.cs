using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// A manual's 必読の状況 for those who may edit it: everyone it is assigned to and where they stand on <see cref="Today"/>,
/// the assignments (people and departments) that may be taken off,
/// how each has done on the 理解度チェック when it has <see cref="QuestionCount"/> questions, and the form to assign it to
/// more people (only people and departments who may read it are offered).
/// </summary>
public sealed record ReadingStatusView(
    Manual Manual,
    IReadOnlyList<ReadingRow> Rows,
    IReadOnlyList<ReadingTarget> Targets,
    DateOnly Today,
    IReadOnlyList<UserSummary> People,
    IReadOnlyList<Department> Departments,
    ReadingForm Form,
    IReadOnlyDictionary<string, string> Errors,
    int QuestionCount);
