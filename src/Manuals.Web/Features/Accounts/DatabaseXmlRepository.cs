using System.Xml.Linq;
using Manuals.Core.Accounts;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Manuals.Web.Features.Accounts;

/// <summary>
/// Data protection's key ring in the database (<see cref="IKeyRingStore"/>), so all web nodes protect and read cookies
/// with the same keys. Data protection calls this synchronously and rarely (at the first cookie, then when a key is
/// about to expire, every few months), so blocking on the store here is acceptable.
/// </summary>
public sealed class DatabaseXmlRepository(IKeyRingStore store, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.ListAsync(CancellationToken.None).GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.AddAsync(friendlyName ?? "", element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
    }
}
