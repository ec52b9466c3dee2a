using Manuals.Core.Common;
using Manuals.Core.Reading;

namespace Manuals.Web.Features.Reading;

/// <summary>The 必読に指定 form on a manual's 必読の状況 page: people, departments and the due date in business days.</summary>
public class ReadingForm
{
    public List<long> UserIds { get; set; } = [];

    public List<long> DepartmentIds { get; set; } = [];

    public int BusinessDays { get; set; } = ReadingAssignment.DefaultBusinessDays;

    public ReadingAssignment ToAssignment() => new(UserIds, DepartmentIds, BusinessDays);

    /// <summary>What to tell the user about fields that did not bind (a due date that is not a number, a choice that is not an id).</summary>
    public static IReadOnlyList<ValidationError> BindingErrors(IEnumerable<string> fields) =>
        fields
            .Select(field => field.StartsWith(nameof(BusinessDays), StringComparison.Ordinal)
                ? new ValidationError(nameof(BusinessDays), "BusinessDaysOutOfRange", ReadingAssignment.MaxBusinessDays.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : new ValidationError(field.StartsWith(nameof(UserIds), StringComparison.Ordinal) ? nameof(UserIds) : nameof(DepartmentIds), "InvalidChoice"))
            .Distinct()
            .ToList();
}
