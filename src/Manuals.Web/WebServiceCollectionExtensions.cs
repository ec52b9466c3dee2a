using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Manuals.Core.Accounts;
using Manuals.Data.Accounts;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Health;
using Manuals.Web.Features.Manuals;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using OpenTelemetry.Metrics;

namespace Manuals.Web;

/// <summary>Registers MVC, sign-in, localisation and the web layer's services, and builds the request pipeline.</summary>
public static class WebServiceCollectionExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("ja-JP"), new("en-US")];

    private const string ReadyTag = "ready";

    public static IServiceCollection AddManualsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ManualsOptions>(configuration.GetSection(ManualsOptions.Section));
        services.AddSingleton<TimeDisplay>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<RenderCache>();
        // Manual pages queue 最近見たマニュアル instead of writing it on every view.
        services.AddSingleton<Manuals.Data.Reading.RecentViewStore>();
        services.Replace(ServiceDescriptor.Singleton<Manuals.Core.Reading.IRecentViewStore, Features.Reading.BufferedRecentViews>());
        services.AddScoped<MarkdownHtml>();
        services.AddScoped<Features.Audit.AuditTrail>();
        services.AddScoped<Features.Audit.AuditPages>();
        services.AddScoped<Features.Manuals.ManualPages>();
        services.AddScoped<Features.Manuals.ManualAudit>();
        services.AddScoped<Features.Approvals.ApprovalPages>();
        services.AddScoped<Features.Templates.TemplatePages>();
        services.AddScoped<Features.Manuals.StepPages>();
        services.AddScoped<Features.Reading.ReadingPages>();
        services.AddScoped<Features.Admin.UserAdministration>();
        services.AddScoped<Features.Search.SearchPages>();
        services.AddSingleton<Features.Search.SearchRebuildJob>();

        services.AddScoped<Features.Coverage.CoveragePages>();
        services.AddSingleton<Features.Coverage.CoverageClock>();
        services.AddScoped<Features.Handovers.HandoverPages>();
        services.AddScoped<Features.Handovers.HandoverAudit>();
        services.AddScoped<Features.Handovers.HandoverSheetBuilder>();
        services.AddSingleton<ChromiumPdf>();
        services.AddSingleton<Features.Search.SearchIndexingService>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Search.SearchIndexingService>());
        services.AddHostedService<Features.Images.UnusedImageCleanupService>();
        services.AddSingleton<Features.Notifications.NotificationOutbox>();
        services.AddSingleton<Core.Notifications.INotificationOutbox>(sp => sp.GetRequiredService<Features.Notifications.NotificationOutbox>());
        services.AddHostedService<Features.Notifications.NotificationDelivery>();
        services.AddHostedService<Features.Notifications.ScheduledNotificationService>();
        services.AddScoped<Features.Notifications.NotificationBell>();
        services.AddScoped<Features.Notifications.NotificationText>();
        // /healthz asks none of them (the process answers); /readyz asks both.
        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("database", tags: [ReadyTag])
            .AddCheck<SearchIndexHealthCheck>("search-index", tags: [ReadyTag]);
        // Without a ForwardedHeaders section too: loopback (a proxy on the same machine) is always trusted.
        services.AddOptions<ForwardedHeadersOptions>().Configure(options =>
            (configuration.GetSection(ProxySettings.Section).Get<ProxySettings>() ?? new ProxySettings()).ApplyTo(options));

        // Razor would otherwise write every Japanese character as an HTML entity.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("ja-JP");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // The footer's language choice (a cookie) wins; browsers' Accept-Language is not consulted, so the UI is
            // Japanese unless the user picks English.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services
            .AddControllersWithViews(options =>
            {
                options.Filters.Add(new AuthorizeFilter());
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // A list bound from a form can be as long as the form may be (the step editor posts a group per step);
                // past ASP.NET Core's default of 1,024 items binding would throw, a 500 for a long or hostile form.
                options.MaxModelBindingCollectionSize = StepEditorLimits.FormValueCount;
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddRazorOptions(options =>
            {
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{feature}/Views/{0}.cshtml");
                options.ViewLocationFormats.Add("/Features/{1}/Views/{0}.cshtml");
                options.ViewLocationFormats.Add("/Shared/{0}.cshtml");
                options.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
            });
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        services.AddSingleton<IConfigureOptions<MvcOptions>, InputModelBinders>();

        AddAccounts(services, configuration);
        AddNotificationDelivery(services, configuration);
        AddMetrics(services, configuration);
        return services;
    }

    public static WebApplication UseManualsPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First: the client's address and scheme as a trusted proxy saw them (rate limits, Secure cookies, redirects).
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS requests only (directly or through a trusted proxy), never to localhost.
            app.UseHsts();
        }

        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        var contentSecurityPolicy =
            "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; " +
            $"form-action {app.Services.GetRequiredService<CompanySignInProviders>().FormActionSources}; frame-ancestors 'none'";
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            await next();
        });
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseMiddleware<EncodedNulFormMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        // Liveness: the process answers, whatever the database does. Readiness: the database answers with every migration
        // applied and the search index has caught up (503 until then). Neither is ever cached.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthText.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthText.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        MapMetrics(app);
        app.MapControllers();
        return app;
    }

    /// <summary>
    /// OpenTelemetry metrics, only when the Prometheus endpoint is on: ASP.NET Core's request counts and latencies
    /// (<c>http.server.request.duration</c>) and the app's own meter (<see cref="SearchIndexMetrics"/>).
    /// </summary>
    private static void AddMetrics(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SearchIndexMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexMetrics>());
        var prometheus = configuration.GetSection(PrometheusSettings.Section).Get<PrometheusSettings>() ?? new PrometheusSettings();
        services.AddSingleton(prometheus);
        if (prometheus.Enabled)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(SearchIndexMetrics.MeterName)
                .AddPrometheusExporter());
        }
    }

    /// <summary><c>/metrics</c> is always a route: the scrape when on and asked directly, else 404 (<see cref="PrometheusSettings"/>).</summary>
    private static void MapMetrics(WebApplication app)
    {
        var prometheus = app.Services.GetRequiredService<PrometheusSettings>();
        if (!prometheus.Enabled)
        {
            app.Map(PrometheusSettings.Path, () => Results.NotFound()).AllowAnonymous();
            return;
        }

        var networks = prometheus.Networks();
        app.MapPrometheusScrapingEndpoint(PrometheusSettings.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use((context, next) =>
        {
            if (PrometheusSettings.Allows(context, networks))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }), optionsName: null).AllowAnonymous();
    }

    /// <summary>E-mail and department webhooks for notifications, the admin's webhook page and each user's mail choices.</summary>
    private static void AddNotificationDelivery(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Features.Notifications.NotificationSettings>()
            .Bind(configuration.GetSection(Features.Notifications.NotificationSettings.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<Features.Notifications.NotificationSettings>, Features.Notifications.NotificationSettingsValidation>();
        // A webhook answers quickly or not at all; a redirect is never followed (the secret URL's post would go elsewhere).
        services.AddHttpClient(Features.Notifications.WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
            });
        services.AddSingleton<Features.Notifications.WebhookSender>();
        services.AddSingleton<Features.Notifications.INotificationChannel, Features.Notifications.MailChannel>();
        services.AddSingleton<Features.Notifications.INotificationChannel, Features.Notifications.WebhookChannel>();
        services.AddScoped<Features.Notifications.MailPreferencePages>();
        services.AddScoped<Features.Admin.WebhookAdministration>();
    }

    private static void AddAccounts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SessionTicketStore>();
        services.AddScoped<UserSessions>();
        services.Configure<SignInLimitOptions>(configuration.GetSection(SignInLimitOptions.Section));
        services.AddRateLimiter(SignInRateLimit.Configure);

        services
            .AddIdentityCore<User>(options =>
            {
                options.Password.RequiredLength = AccountRules.MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // No per-account lockout: it let anyone lock `admin` out from outside. Sign-in attempts are limited
                // per client address instead (SignInRateLimit).
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = AccountRules.UserNameCharacters;
            })
            .AddUserStore<UserStore>()
            .AddSignInManager<ManualsSignInManager>()
            .AddClaimsPrincipalFactory<ManualsClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        authentication.AddCompanySignIn(configuration);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "manuals.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CookieManager = new SignInPageCookieManager("/account/sign-in");
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/error/403";
            options.ExpireTimeSpan = AccountRules.SessionLifetime;
            options.SlidingExpiration = true;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // A forbidden request answers 403 (shown by the Japanese error page) instead of redirecting.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // The ticket lives in the database (the cookie holds a key): sign-out, disabling, password resets, role and
        // department changes delete it, so they take effect at the next request on every node. The security stamp
        // check stays at Identity's default interval as a backstop only.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore>((options, store) => options.SessionStore = store);
        // The keys that protect those cookies are in the database too, shared by every node (DatabaseXmlRepository).
        services.AddDataProtection().SetApplicationName("Manuals");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IKeyRingStore, TimeProvider>((options, store, clock) => options.XmlRepository = new DatabaseXmlRepository(store, clock));
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "manuals.csrf";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__RequestVerificationToken";
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Writer, policy => policy.RequireRole(Roles.Editor, Roles.Admin));
    }
}
