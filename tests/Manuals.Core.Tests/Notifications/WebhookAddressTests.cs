using Manuals.Core.Notifications;

namespace Manuals.Core.Tests.Notifications;

public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXX", false)]
    [InlineData("https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456", false)]
    [InlineData("http://127.0.0.1:5000/hook", true)]
    [InlineData("http://[::1]:5000/hook", true)]
    public void Check_AllowedUrl_Null(string url, bool allowLoopback) =>
        Assert.Null(WebhookAddress.Check(url, allowLoopback));

    [Theory]
    [InlineData("", false, WebhookAddressError.Missing)]
    [InlineData("   ", true, WebhookAddressError.Missing)]
    [InlineData("hooks.slack.com/services/T000", false, WebhookAddressError.NotAUrl)]
    [InlineData("/services/T000", false, WebhookAddressError.NotAUrl)]
    [InlineData("https://user:secret@hooks.slack.com/services/T000", false, WebhookAddressError.NotAUrl)]
    [InlineData("http://hooks.slack.com/services/T000", true, WebhookAddressError.NotHttps)]
    [InlineData("http://127.0.0.1:5000/hook", false, WebhookAddressError.NotHttps)]
    [InlineData("http://localhost:5000/hook", true, WebhookAddressError.NotHttps)]
    [InlineData("http://10.0.0.5/hook", true, WebhookAddressError.NotHttps)]
    [InlineData("ftp://127.0.0.1/hook", true, WebhookAddressError.NotHttps)]
    [InlineData("file:///etc/passwd", true, WebhookAddressError.NotAUrl)]
    public void Check_RefusedUrl_SaysWhy(string url, bool allowLoopback, WebhookAddressError expected) =>
        Assert.Equal(expected, WebhookAddress.Check(url, allowLoopback));

    [Fact]
    public void Check_TooLong_TooLong() =>
        Assert.Equal(WebhookAddressError.TooLong, WebhookAddress.Check("https://hooks.slack.com/" + new string('x', WebhookAddress.MaxLength), false));

    [Fact]
    public void MaskedUrl_SlackUrl_KeepsHostAndLastFourOnly()
    {
        var webhook = new DepartmentWebhook(1, WebhookKind.Slack, "https://hooks.slack.com/services/T0001/B0002/abcdefghSECRET9z");

        Assert.Equal("https://hooks.slack.com/…ET9z", webhook.MaskedUrl);
        Assert.Equal("hooks.slack.com", webhook.Host);
    }
}
