using System.Text.Json;

namespace Manuals.Web.Tests.Infrastructure;

/// <summary>A POST as <see cref="WebhookReceiver"/> received it.</summary>
public sealed record ReceivedPost(string Path, string? ContentType, byte[] Body)
{
    /// <summary>The body read strictly as UTF-8 (invalid bytes throw) and parsed as JSON.</summary>
    public JsonElement Json() =>
        JsonDocument.Parse(new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Body)).RootElement.Clone();
}
