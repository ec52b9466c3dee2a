using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;

namespace Manuals.Web.Features.Coverage;

/// <summary>A manual of a task, one the viewer may read, and whether the employee read it (確認済, 改訂版を未確認 or not yet).</summary>
public sealed record TaskManualReading(ManualSummary Manual, TaskManualConfirmation? Confirmation)
{
    public ReadingState State => Confirmation?.State ?? ReadingState.NotRead;
}
