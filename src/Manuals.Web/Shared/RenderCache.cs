using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Manuals.Web.Shared;

/// <summary>
/// Rendered text kept on this node, keyed by what it was rendered from — the Markdown's SHA-256, the reader's language
/// and what was asked (the whole text or its steps) — so a revision is rendered once, not on every view. The key is the
/// content itself, so an entry can never be stale: a new revision is new text, on every node at once. Bounded by
/// <see cref="CapacityChars"/> characters of HTML; the least recently used go first.
/// </summary>
public sealed class RenderCache : IDisposable
{
    /// <summary>About 64 MB of HTML (two bytes a character): a few thousand of the most read manuals.</summary>
    public const long CapacityChars = 32L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CapacityChars, CompactionPercentage = 0.25 });

    /// <summary>The cached value for <paramref name="markdown"/> rendered as <paramref name="kind"/>, or renders and keeps it.</summary>
    /// <param name="render">Renders the text; returns the value and whether it may be kept (false while a picture it shows is missing).</param>
    /// <param name="size">The value's size in characters.</param>
    public async Task<T> GetOrRenderAsync<T>(string kind, string markdown, Func<Task<(T Value, bool Keep)>> render, Func<T, long> size)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(render);
        ArgumentNullException.ThrowIfNull(size);
        var key = Key(kind, markdown);
        if (_cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }

        var (value, keep) = await render();
        if (keep)
        {
            _cache.Set(key, value, new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)) });
        }

        return value;
    }

    public void Dispose() => _cache.Dispose();

    private static string Key(string kind, string markdown)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(markdown), hash);
        return string.Concat(kind, "|", CultureInfo.CurrentUICulture.Name, "|", Convert.ToHexString(hash));
    }
}
