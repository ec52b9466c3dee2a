using System.ComponentModel.DataAnnotations;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>The manual page's 担当者 and review-interval form.</summary>
public sealed class SettingsModel
{
    [Display(Name = "Manuals.Field.Owner")]
    public long? OwnerId { get; set; }

    [Display(Name = "Manuals.Field.ReviewInterval")]
    [Range(ReviewSchedule.MinIntervalDays, ReviewSchedule.MaxIntervalDays, ErrorMessage = "Validation.ReviewIntervalOutOfRange")]
    public int ReviewIntervalDays { get; set; } = ReviewSchedule.DefaultIntervalDays;
}
