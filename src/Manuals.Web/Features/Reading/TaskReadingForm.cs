namespace Manuals.Web.Features.Reading;

/// <summary>The 業務のマニュアルを必読に指定 form: the tasks whose manuals to assign, and to whom and by when.</summary>
public sealed class TaskReadingForm : ReadingForm
{
    public List<long> TaskIds { get; set; } = [];
}
