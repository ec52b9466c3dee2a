using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Manuals.Web.Tests.Infrastructure;

/// <summary>A signed-in (or anonymous) visitor: GETs pages and submits their forms with the antiforgery token, like a browser.</summary>
public sealed class WebSession(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public static async Task<WebSession> SignInAsync(ManualsAppFactory factory, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var session = new WebSession(factory.CreateBrowserlikeClient());
        var response = await session.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>Signs this session in; a user an admin created must then replace the password, which this does when asked.</summary>
    public async Task SignInAsync(string userName, string password, string? newPassword = null)
    {
        var signIn = await SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
            new() { ["UserName"] = userName, ["Password"] = password });
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {userName} answered {(int)signIn.StatusCode}");
        if (newPassword is not null)
        {
            var changed = await SubmitAsync("/account/password", "form[action='/account/password']", new()
            {
                ["CurrentPassword"] = password,
                ["NewPassword"] = newPassword,
                ["ConfirmPassword"] = newPassword,
            });
            Assert.True(changed.StatusCode == HttpStatusCode.Redirect, $"Password change of {userName} answered {(int)changed.StatusCode}");
        }
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await ParseAsync(response));
    }

    /// <summary>Loads <paramref name="pageUrl"/>, takes the form's fields (token included), overrides some, and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string formSelector, Dictionary<string, string> values, string? submitName = null, string? submitValue = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (page, document) = await GetAsync(pageUrl);
        Assert.True(page.IsSuccessStatusCode, $"GET {pageUrl} answered {(int)page.StatusCode}");
        var form = document.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No {formSelector} on {pageUrl}");
        var fields = FormFields(form);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        if (values.ContainsKey("Body") && fields.GetValueOrDefault("EditorMode") == "steps")
        {
            // A body given as Markdown is posted as the Markdown editor posts it (a writer who switched to it).
            fields["EditorMode"] = "markdown";
        }

        if (submitName is not null)
        {
            fields[submitName] = submitValue ?? "";
        }

        return await PostAsync(form.GetAttribute("action")!, fields);
    }

    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public async Task<string> TokenFromAsync(string pageUrl)
    {
        var (_, document) = await GetAsync(pageUrl);
        return (document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException("No antiforgery token on " + pageUrl);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static Dictionary<string, string> FormFields(IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlInputElement { Type: "submit" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.TryAdd(input.Name, input.Value);
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields[area.Name] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name] = select.Value ?? "";
                    break;
            }
        }

        return fields;
    }
}
