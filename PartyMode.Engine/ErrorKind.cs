namespace PartyMode.Engine;

/// <summary>The class of a refused operation; hosts map it to a status code.</summary>
public enum ErrorKind
{
    /// <summary>The request itself is wrong (400).</summary>
    BadRequest,

    /// <summary>The seat may not do this (403).</summary>
    Forbidden,

    /// <summary>No such thing, or one the viewer may not know of (404).</summary>
    NotFound,

    /// <summary>The thing is not in a state that allows it (409).</summary>
    Conflict,

    /// <summary>The request's body is over a size limit (413).</summary>
    TooLarge,

    /// <summary>The body is not a media type the route takes (415).</summary>
    UnsupportedMedia,

    /// <summary>Too many requests (429).</summary>
    RateLimited,

    /// <summary>The game cannot take writes (503).</summary>
    Unavailable,
}
