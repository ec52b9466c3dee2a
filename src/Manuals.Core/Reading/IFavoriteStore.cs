namespace Manuals.Core.Reading;

/// <summary>Each reader's favourite manuals (お気に入り), kept at hand on the home page.</summary>
public interface IFavoriteStore
{
    /// <summary>
    /// Marks a manual as one of the user's favourites, or unmarks it. Marking it again keeps the first time; unmarking a
    /// manual that is not a favourite does nothing.
    /// </summary>
    /// <param name="userId">The reader.</param>
    /// <param name="manualId">The manual (existing; the caller has checked the reader may read it).</param>
    /// <param name="favorite">Whether it is a favourite from now on.</param>
    /// <param name="at">When it was marked.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task SetAsync(long userId, long manualId, bool favorite, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Whether the manual is one of the user's favourites.</summary>
    Task<bool> IsFavoriteAsync(long userId, long manualId, CancellationToken cancellationToken);

    /// <summary>The ids of the user's favourite manuals, the latest marked first.</summary>
    Task<IReadOnlyList<long>> ListAsync(long userId, CancellationToken cancellationToken);
}
