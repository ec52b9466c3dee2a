namespace Manuals.Browser.Tests.Infrastructure;

/// <summary>
/// One app server and one headless Chromium for the whole <see cref="BrowserCollectionDefinition"/>; each test opens its own
/// browser context, so cookies and sign-ins never leak from one test into another.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    private ManualsAppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => _app?.BaseAddress ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync()
    {
        // Prerequisites first, so a machine without Chromium fails fast with the install step.
        var executable = Chromium.FindOnPath();
        await Chromium.EnsureJapaneseFontAsync();

        // Two busy cores can push a first page render past Playwright's 5 s default; a missing element still fails within seconds.
        SetDefaultExpectTimeout(10_000);

        _app = new ManualsAppFactory();
        _app.StartServer();

        // Playwright for .NET drives the browser through the Node driver shipped in its NuGet package (copied to
        // .playwright/ in the output folder); launching with ExecutablePath downloads nothing.
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>A fresh, signed-out browser context in Japanese and Tokyo time, with relative URLs resolved against the app.</summary>
    /// <param name="app">Another app than the shared one (one with settings of its own), or null for the shared one.</param>
    public Task<IBrowserContext> NewContextAsync(ManualsAppFactory? app = null, float deviceScaleFactor = 1, bool hasTouch = false)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser has not started.");
        return browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (app?.BaseAddress ?? BaseAddress).ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = deviceScaleFactor,
            HasTouch = hasTouch,
        });
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Closes the browser, the Playwright driver and the app; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
