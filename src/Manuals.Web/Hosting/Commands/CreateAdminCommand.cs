using System.CommandLine;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Departments;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// <c>create-admin &lt;user-name&gt;</c>: a new local Admin in every department, as the first start creates <c>admin</c>.
/// The password comes from standard input (<c>--password-stdin</c>), else from <see cref="PasswordVariable"/>, else it
/// is generated, printed once and must be replaced at the first sign-in. A taken user name is refused.
/// </summary>
public static class CreateAdminCommand
{
    /// <summary>The environment variable a script can pass the password in (never an argument: those show in <c>ps</c>).</summary>
    public const string PasswordVariable = "MANUALS_ADMIN_PASSWORD";

    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var l = context.Text;
        var userName = new Argument<string>("user-name") { Description = l["Cli.CreateAdmin.UserName"] };
        var displayName = new Option<string?>("--display-name") { Description = l["Cli.CreateAdmin.DisplayName"] };
        var fromStdin = new Option<bool>("--password-stdin") { Description = l["Cli.CreateAdmin.PasswordStdin", PasswordVariable] };
        var command = new Command("create-admin", l["Cli.CreateAdmin.Description"]) { userName, displayName, fromStdin };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            context, parsed.GetRequiredValue(userName).Trim(), parsed.GetValue(displayName), parsed.GetValue(fromStdin), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, string userName, string? displayName, bool fromStdin, CancellationToken cancellationToken)
    {
        var chosen = fromStdin ? Console.In.ReadLine() : Environment.GetEnvironmentVariable(PasswordVariable);
        if (fromStdin && string.IsNullOrEmpty(chosen))
        {
            context.Complain("Cli.CreateAdmin.NoPasswordOnStdin");
            return ExitCodes.Usage;
        }

        if (!await context.MigrateAsync("Manuals.CreateAdmin"))
        {
            return ExitCodes.Failed;
        }

        await using var scope = context.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            context.Complain("Cli.CreateAdmin.NameTaken", userName);
            return ExitCodes.Refused;
        }

        var generated = string.IsNullOrEmpty(chosen);
        var password = generated ? AccountRules.GeneratePassword() : chosen!;
        // A printed password has been on a screen: it must be replaced at the first sign-in. One the operator chose need not be.
        var admin = new User { UserName = userName, DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(), MustChangePassword = generated };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            context.Complain("Cli.CreateAdmin.Invalid", string.Join(" ", result.Errors.Select(e => e.Description)));
            return ExitCodes.Usage;
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        var departments = await scope.ServiceProvider.GetRequiredService<IDepartmentStore>().ListAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().SetDepartmentsAsync(admin.Id, departments.Select(d => d.Id).ToList(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsAsync(
            AuditActors.CommandLine,
            AuditAction.UserCreated,
            AuditOutcome.Success,
            AuditTarget.Of(AuditTargetType.User, admin.Id, userName),
            StartupTasks.ConsoleText(context.Services, "Cli.CreateAdmin.AuditDetail", admin.DisplayName));
        context.Say("Cli.CreateAdmin.Created", userName, admin.DisplayName);
        if (generated)
        {
            // Printed once, to the console only (never to a log), for the operator to hand over.
            context.Say("Cli.CreateAdmin.Generated", password);
        }

        return ExitCodes.Done;
    }
}
