using Manuals.Web.Hosting.Commands;

namespace Manuals.Web.Tests.Hosting;

public sealed class ProgressDisplayTests
{
    [Fact]
    public void Plain_Redirected_OneLinePerStepItemAndTenth()
    {
        using var output = new StringWriter();
        var progress = ProgressDisplay.Plain(output);

        progress.Report(new ProgressReport("書き出し", null, 0, 0));
        progress.Report(new ProgressReport("書き出し", null, 0, 0));
        foreach (var done in new[] { 0, 5, 40, 41, 200 })
        {
            progress.Report(new ProgressReport("コピー", "manuals", done, 200));
        }

        progress.Report(new ProgressReport("コピー", "users", 200, 200));

        Assert.Equal(
            ["書き出し", "コピー    0%  0/200  manuals", "コピー   20%  40/200  manuals", "コピー  100%  200/200  manuals", "コピー  100%  200/200  users"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
