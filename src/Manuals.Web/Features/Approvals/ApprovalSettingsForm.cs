using Manuals.Core.Approvals;

namespace Manuals.Web.Features.Approvals;

/// <summary>A department's approval route as the form posts it: up to three stage rows, stage 1 first.</summary>
public sealed class ApprovalSettingsForm
{
    public List<ApprovalStageForm> Stages { get; set; } = [];

    public IReadOnlyList<ApprovalStageInput> ToInput() =>
        Stages.Select(s => new ApprovalStageInput(s.Kind, s.UserIds)).ToList();

    public static ApprovalSettingsForm From(IReadOnlyList<ApprovalStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return new()
        {
            Stages = stages.Select(s => new ApprovalStageForm { Kind = s.Kind, UserIds = s.UserIds.ToList() }).ToList(),
        };
    }

    /// <summary>The row for stage <paramref name="index"/> + 1, empty when the form has none.</summary>
    public ApprovalStageForm Row(int index) => index < Stages.Count ? Stages[index] : new ApprovalStageForm();
}
