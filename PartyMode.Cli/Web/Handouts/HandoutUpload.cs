using Microsoft.AspNetCore.Http.Features;
using PartyMode.Cli.Handouts;
using PartyMode.Engine;

namespace PartyMode.Cli.Web.Handouts;

/// <summary>
/// Reads an upload's raw body (docs/protocol.md §9.1): the declared type must be one of the four image types,
/// the body at most the limit (never buffered past it), and the bytes what the type says.
/// </summary>
internal static class HandoutUpload
{
    // An oversized upload is read to its end and thrown away (never kept) up to this much, so the client,
    // still sending, gets the 413 and its sentence instead of a broken connection; past it the socket closes.
    private const long DrainLimit = 256L * 1024 * 1024;

    public static async Task<(byte[] Data, SniffedImage Image)> ReadAsync(HttpContext context, HandoutSettings settings)
    {
        var declared = DeclaredType(context.Request.ContentType);
        var limit = settings.MaxBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await DrainAsync(context, length);
            throw TooLarge(settings, length);
        }

        // Past Kestrel's own 1 MiB cap for this route only; the loop below stops one byte past the limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap)
        {
            cap.MaxRequestBodySize = limit + 1;
        }

        var buffer = new byte[Math.Min(context.Request.ContentLength ?? 64 * 1024, limit + 1)];
        var read = 0;
        while (true)
        {
            if (read == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    // A body without a declared length is not drained: its size cap is fixed once reading began.
                    throw TooLarge(settings, null);
                }

                Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, 64 * 1024), limit + 1));
            }

            int n;
            try
            {
                n = await context.Request.Body.ReadAsync(buffer.AsMemory(read), context.RequestAborted);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // Kestrel counts a chunked body as it arrives and may refuse it before this loop does.
                throw TooLarge(settings, null);
            }

            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read == 0)
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", "The body is empty: send the image's bytes as the body.");
        }

        var data = read == buffer.Length ? buffer : buffer[..read];
        var image = ImageSniffer.Sniff(data)
            ?? throw Unsupported($"The body is not a PNG, JPEG, WebP or GIF image (its first bytes say otherwise, or it is not 1 to {ImageSniffer.MaxSide} pixels a side); send one with its own type (image/png, image/jpeg, image/webp or image/gif). SVG, HTML and other files are refused.");
        if (image.Type != declared)
        {
            throw Unsupported($"The body is a {image.Type} image but Content-Type says {declared}; send it with 'Content-Type: {image.Type}'.");
        }

        return (data, image);
    }

    private static async Task DrainAsync(HttpContext context, long length)
    {
        if (length > DrainLimit || context.Features.Get<IHttpMaxRequestBodySizeFeature>() is not { IsReadOnly: false } cap)
        {
            return;
        }

        cap.MaxRequestBodySize = DrainLimit;
        var scratch = new byte[16 * 1024];
        try
        {
            while (await context.Request.Body.ReadAsync(scratch, context.RequestAborted) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // The client gave up or sent more than the drain allows: the answer goes out if it still can.
        }
    }

    private static string DeclaredType(string? contentType)
    {
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!ImageSniffer.Types.Contains(type))
        {
            throw Unsupported(type.Length == 0
                ? "Send the image as the raw body with 'Content-Type: image/png' (or image/jpeg, image/webp, image/gif)."
                : $"'{type}' is not a handout type: send PNG, JPEG, WebP or GIF ('Content-Type: image/png', image/jpeg, image/webp, image/gif); SVG and HTML are refused.");
        }

        return type;
    }

    private static GameException Unsupported(string message) => new(ErrorKind.UnsupportedMedia, "unsupported_image", message);

    private static GameException TooLarge(HandoutSettings settings, long? length) => new(ErrorKind.TooLarge, "too_large",
        $"The image is {(length is { } l ? $"{l / (1024.0 * 1024.0):0.#} MB" : "larger than the limit")}; handouts may be at most {settings.MaxMegabytes} MB (serve --max-handout-mb).");
}
