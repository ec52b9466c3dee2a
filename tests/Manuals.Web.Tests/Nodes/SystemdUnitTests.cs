namespace Manuals.Web.Tests.Nodes;

/// <summary>
/// <c>infra/systemd/manuals.service</c> as systemd reads it. No systemd runs as init here, so the unit is checked by
/// <c>systemd-analyze verify</c> and started by <see cref="NodesBehindNginx"/> the way its ExecStart says.
/// </summary>
public sealed class SystemdUnitTests
{
    [Fact]
    public async Task Verify_ManualsService_SystemdFindsNothingToReport()
    {
        var unit = SystemdUnit.Read();
        var start = new System.Diagnostics.ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add(unit.FilePath);
        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("systemd-analyze not found: install it with `apt-get install -y systemd` (./test.sh does).", ex);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var printed = await process.StandardOutput.ReadToEndAsync() + await errors;
            await process.WaitForExitAsync();
            // Other units on the machine may draw remarks of their own; none may be about this one.
            Assert.True(process.ExitCode == 0 && !printed.Contains("manuals.service", StringComparison.Ordinal), printed);
        }

        Assert.Equal("/opt/manuals", unit.WorkingDirectory);
        Assert.EndsWith(" /opt/manuals/Manuals.Web.dll", unit.ExecStart, StringComparison.Ordinal);
        Assert.Contains(unit.Environment, e => e.Key == "Search__IndexPath" && e.Value.StartsWith(SystemdUnit.StateDirectory + "/", StringComparison.Ordinal));
    }
}
