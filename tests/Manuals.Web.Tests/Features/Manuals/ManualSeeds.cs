using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Manuals;

/// <summary>Many published manuals written straight to the store, for the tests of lists that page.</summary>
internal static class ManualSeeds
{
    /// <summary>
    /// <paramref name="count"/> published company-wide manuals of one department, titled by <paramref name="title"/> from
    /// their number, created a minute apart from <paramref name="first"/>.
    /// </summary>
    public static async Task PublishAsync(ManualsAppFactory factory, long departmentId, int count, Func<int, string> title, DateTimeOffset first)
    {
        var store = factory.Services.GetRequiredService<IManualStore>();
        for (var i = 0; i < count; i++)
        {
            await store.CreateAsync(
                new ManualDraft(title(i), departmentId, ManualVisibility.Company, ManualStatus.Published, null, [], "## 手順\n\n1. 点検します。", "作成"),
                new Author(null, "佐藤 一郎"),
                null,
                first.AddMinutes(i),
                CancellationToken.None);
        }
    }
}
