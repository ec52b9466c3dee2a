using System.Text;
using Manuals.Web.Shared;
using Microsoft.AspNetCore.Http;

namespace Manuals.Web.Tests.Shared;

public sealed class EncodedNulFormMiddlewareTests
{
    [Theory]
    [InlineData("a=x%00y", "a", "xy")]
    [InlineData("a=%00%00%00", "a", "")]
    [InlineData("a=%E3%81%82%00%E3%81%84", "a", "あい")]
    [InlineData("a%00=1", "a", "1")]
    [InlineData("a=%2500", "a", "%00")]
    [InlineData("a=%%00b", "a", "%b")]
    [InlineData("a=100%25%00", "a", "100%")]
    [InlineData("a=x%0", "a", "x%0")]
    [InlineData("a=x%", "a", "x%")]
    [InlineData("a=%01%09", "a", "\u0001\t")]
    public async Task InvokeAsync_UrlEncodedFormReadInSmallPieces_EncodedNulDroppedRestAsSent(string body, string key, string expected)
    {
        foreach (var pieceSize in new[] { 1, 2, 3, 1024 })
        {
            var context = new DefaultHttpContext();
            context.Request.Method = "POST";
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Body = new PieceStream(Encoding.UTF8.GetBytes(body), pieceSize);
            IFormCollection? form = null;
            var middleware = new EncodedNulFormMiddleware(async c => form = await c.Request.ReadFormAsync());

            await middleware.InvokeAsync(context);

            Assert.Equal(expected, form![key].ToString());
        }
    }

    [Fact]
    public async Task InvokeAsync_MultipartForm_BodyUntouched()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "multipart/form-data; boundary=x";
        var body = new MemoryStream(Encoding.UTF8.GetBytes("%00"));
        context.Request.Body = body;

        await new EncodedNulFormMiddleware(_ => Task.CompletedTask).InvokeAsync(context);

        Assert.Same(body, context.Request.Body);
    }

    /// <summary>Hands out at most <c>size</c> bytes per read, as a slow network would.</summary>
    private sealed class PieceStream(byte[] data, int size) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, size));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, size)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, size)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, size), cancellationToken);
    }
}
