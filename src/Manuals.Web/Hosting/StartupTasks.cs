using System.Data.Common;
using System.Globalization;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Import;
using Manuals.Data.Migrations;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Hosting;

/// <summary>
/// What happens before the first request: migrations, the first admin account, and the samples on an empty
/// database. A failing migration stops start-up with a clear message and the database unchanged.
/// </summary>
public static partial class StartupTasks
{

    public static async Task<bool> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Manuals.Startup");
        if (!await MigrateAsync(app.Services, logger))
        {
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await EnsureAdminAsync(scope.ServiceProvider, logger);
        await ImportSamplesAsync(scope.ServiceProvider, logger);
        await ImportCoverageSamplesAsync(scope.ServiceProvider, logger);
        return true;
    }

    /// <summary>Applies pending migrations; false (after explaining why) when start-up must stop.</summary>
    public static async Task<bool> MigrateAsync(IServiceProvider services, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            await services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
            return true;
        }
        catch (MigrationException ex)
        {
            LogMigrationFailed(logger, ex);
            await Console.Error.WriteLineAsync(ConsoleText(services, "Startup.MigrationFailed", ex.Message));
            return false;
        }
        catch (DbException ex)
        {
            LogDatabaseUnreachable(logger, ex);
            await Console.Error.WriteLineAsync(ConsoleText(services, "Startup.DatabaseUnreachable", ex.Message));
            return false;
        }
    }

    private static async Task EnsureAdminAsync(IServiceProvider services, ILogger logger)
    {
        var directory = services.GetRequiredService<IAccountDirectory>();
        if (await directory.CountAsync(CancellationToken.None) > 0)
        {
            return;
        }

        var configured = services.GetRequiredService<IOptions<ManualsOptions>>().Value.InitialAdminPassword;
        var password = string.IsNullOrEmpty(configured) ? AccountRules.GeneratePassword() : configured;
        var users = services.GetRequiredService<UserManager<User>>();
        // A printed random password has been on a screen: it must be replaced at the first sign-in. One the operator
        // chose (Manuals:InitialAdminPassword) need not be.
        var admin = new User { UserName = "admin", DisplayName = "管理者", MustChangePassword = string.IsNullOrEmpty(configured) };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(admin, password);
        }
        catch (DbException ex)
        {
            // The unique user name refused the insert when another node got there first.
            result = IdentityResult.Failed(new IdentityError { Code = "Database", Description = ex.Message });
        }

        if (!result.Succeeded)
        {
            if (await directory.CountAsync(CancellationToken.None) > 0)
            {
                // Several nodes started on the same empty database and another one created the admin a moment
                // earlier (and printed its password).
                return;
            }

            throw new InvalidOperationException(
                "Could not create the first admin: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        var departments = await services.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None);
        await directory.SetDepartmentsAsync(admin.Id, departments.Select(d => d.Id).ToList(), CancellationToken.None);
        LogAdminCreated(logger);
        if (string.IsNullOrEmpty(configured))
        {
            // Printed once, to the console only (never to the structured log), for the person starting the app.
            Console.WriteLine(ConsoleText(services, "Startup.AdminCreated", "admin", password));
        }
    }

    private static async Task ImportSamplesAsync(IServiceProvider services, ILogger logger)
    {
        var options = services.GetRequiredService<IOptions<ManualsOptions>>().Value;
        if (!options.ImportSamplesOnFirstStart
            || await services.GetRequiredService<IManualStore>().CountAsync(CancellationToken.None) > 0)
        {
            return;
        }

        var folder = Path.GetFullPath(options.SamplesPath);
        if (!Directory.Exists(folder))
        {
            LogSamplesMissing(logger, folder);
            return;
        }

        var report = await services.GetRequiredService<ManualImporter>().ImportFolderAsync(folder, CancellationToken.None, options.SamplesAsOf);
        LogSamplesImported(logger, report.Imported.Count, report.Refused.Count, folder);
    }

    /// <summary>
    /// Loads the sample company's employees, tasks and skill matrix (the <c>coverage</c> folder next to the sample
    /// manuals) when there are no tasks and no employees yet; runs after the manuals so tasks can link to them.
    /// </summary>
    private static async Task ImportCoverageSamplesAsync(IServiceProvider services, ILogger logger)
    {
        var options = services.GetRequiredService<IOptions<ManualsOptions>>().Value;
        if (!options.ImportSamplesOnFirstStart)
        {
            return;
        }

        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.SamplesPath)) ?? ".", "coverage");
        foreach (var (file, result) in await services.GetRequiredService<CoverageSampleLoader>().LoadAsync(folder, CancellationToken.None))
        {
            if (result.Errors.Count > 0)
            {
                LogCoverageSamplesRefused(logger, file, result.Errors.Count, result.Errors[0].Line, result.Errors[0].Code);
            }
            else
            {
                LogCoverageSamplesImported(logger, file, result.Created);
            }
        }
    }

    /// <summary>Console text for the person starting the app, in Japanese (the product's default language).</summary>
    public static string ConsoleText(IServiceProvider services, string key, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(services);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("ja-JP");
            return services.GetRequiredService<IStringLocalizer<SharedResource>>()[key, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database migration failed; start-up stopped")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database unreachable; start-up stopped")]
    private static partial void LogDatabaseUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin user 'admin'")]
    private static partial void LogAdminCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Samples folder {Folder} not found; starting with no manuals")]
    private static partial void LogSamplesMissing(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Imported} sample manuals ({Refused} refused) from {Folder}")]
    private static partial void LogSamplesImported(ILogger logger, int imported, int refused, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported coverage sample {File}: {Created} rows")]
    private static partial void LogCoverageSamplesImported(ILogger logger, string file, int created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Coverage sample {File} refused with {Errors} errors; first at line {Line}: {Code}")]
    private static partial void LogCoverageSamplesRefused(ILogger logger, string file, int errors, int line, string code);
}
