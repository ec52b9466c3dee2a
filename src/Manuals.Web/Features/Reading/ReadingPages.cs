using Manuals.Core.Accounts;
using Manuals.Core.Common;
using Manuals.Core.Coverage.Csv;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Web.Features.Coverage;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Reading;

/// <summary>Builds the 必読の状況 page and its CSV: the status from <see cref="RequiredReadingService"/>, the people and departments to offer.</summary>
public sealed class ReadingPages(
    RequiredReadingService reading, IAccountDirectory accounts, IDepartmentStore departments, CoverageClock clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Today in the company's time zone: due dates count business days from it.</summary>
    public DateOnly Today => clock.Now().Today;

    public async Task<Lookup<ReadingStatusView>> StatusAsync(
        Viewer viewer, long manualId, ReadingForm? form, IReadOnlyList<ValidationError> errors, CancellationToken cancellationToken)
    {
        var (outcome, manual, rows, targets) = await reading.StatusAsync(viewer, manualId, cancellationToken);
        var questionCount = outcome == SaveOutcome.Saved ? (await reading.QuestionsAsync(viewer, manualId, cancellationToken)).Questions.Count : 0;
        if (outcome == SaveOutcome.NotFound || manual is null)
        {
            return Lookups.NotFound<ReadingStatusView>();
        }

        if (outcome == SaveOutcome.Forbidden)
        {
            return Lookups.Forbidden<ReadingStatusView>();
        }

        var people = (await accounts.ListAsync(cancellationToken))
            .Where(u => !u.IsDisabled && ManualAccessPolicy.CanRead(u.AsViewer(), manual))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal)
            .ToList();
        var offered = (await departments.ListAsync(cancellationToken))
            .Where(d => manual.Visibility == ManualVisibility.Company || d.Id == manual.DepartmentId)
            .ToList();
        var messages = errors
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => l[$"Reading.Error.{e.Code}", e.Detail].Value)));
        return Lookups.Found(new ReadingStatusView(manual, rows, targets, Today, people, offered, form ?? new ReadingForm(), messages, questionCount));
    }

    /// <summary>The 理解度チェック editor: the questions as written, or <paramref name="form"/> as posted with its errors.</summary>
    public async Task<Lookup<QuestionsView>> QuestionsAsync(
        Viewer viewer, long manualId, QuestionsForm? form, IReadOnlyList<ValidationError> errors, CancellationToken cancellationToken)
    {
        var (outcome, manual, questions) = await reading.QuestionsAsync(viewer, manualId, cancellationToken);
        if (outcome == SaveOutcome.NotFound || manual is null)
        {
            return Lookups.NotFound<QuestionsView>();
        }

        if (outcome == SaveOutcome.Forbidden)
        {
            return Lookups.Forbidden<QuestionsView>();
        }

        var messages = errors.Select(e => l[$"Reading.Error.{e.Code}", e.Detail].Value).ToList();
        return Lookups.Found(new QuestionsView(manual, form ?? QuestionsForm.From(questions), messages));
    }

    /// <summary>The status as a CSV for Excel: one row per person.</summary>
    public byte[] Csv(ReadingStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new CsvWriter().Row(
            l["Reading.Csv.Manual"], l["Reading.Csv.Person"], l["Reading.Csv.DueOn"], l["Reading.Csv.State"],
            l["Reading.Csv.ConfirmedRevision"], l["Reading.Csv.ConfirmedAt"], l["Reading.Csv.Overdue"], l["Reading.Check.Column"]);
        foreach (var row in view.Rows)
        {
            csv.Row(
                view.Manual.Title,
                row.DisplayName,
                row.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                l[$"Reading.State.{row.State}"],
                row.ConfirmedRevision?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.ConfirmedAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                row.IsOverdue(view.Today) ? l["Reading.Csv.Yes"] : "",
                view.QuestionCount > 0 ? CheckResult(row) : "");
        }

        return csv.ToBytes();
    }

    /// <summary>How the person has done on the 理解度チェック: wrong attempts since their last pass, the attempt that passed, or none yet.</summary>
    public string CheckResult(ReadingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.FailedChecks > 0 ? l["Reading.Check.Failed", row.FailedChecks]
            : row.PassedCheckOnAttempt is { } attempt ? l["Reading.Check.Passed", attempt]
            : l["Reading.Check.NotAnswered"];
    }
}
