using System.Net.Http.Headers;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web.Handouts;

/// <summary>Upload, show, list and image download over real HTTP (docs/protocol.md §9).</summary>
public sealed class HandoutEndpointTests
{
    [Test]
    public async Task Upload_Png_Returns201WithSizeAndShaAndStoresOneOwnerOnlyFile()
    {
        await using var server = await TestServer.StartAsync();
        var png = TestImages.Png(7, 5);

        var (status, body) = await HandoutHttp.UploadAsync(server, png, "image/png", "  Tavern map  ");

        Assert.That(status, Is.EqualTo(201), body.ToString());
        var h = body.GetProperty("handout");
        Assert.That(h.GetProperty("id").GetString(), Is.EqualTo("ho_000001"));
        Assert.That(h.GetProperty("title").GetString(), Is.EqualTo("Tavern map"));
        Assert.That(h.GetProperty("type").GetString(), Is.EqualTo("image/png"));
        Assert.That(h.GetProperty("bytes").GetInt64(), Is.EqualTo(png.Length));
        Assert.That(h.GetProperty("width").GetInt32(), Is.EqualTo(7));
        Assert.That(h.GetProperty("height").GetInt32(), Is.EqualTo(5));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
        Assert.That(h.GetProperty("sha256").GetString(), Is.EqualTo(sha));

        var again = await HandoutHttp.UploadAsync(server, png, "image/png", "Tavern map");
        Assert.That(again.Status, Is.EqualTo(200), "the same content and title is the same handout");
        Assert.That(again.Body.GetProperty("handout").GetProperty("id").GetString(), Is.EqualTo("ho_000001"));
        var other = await HandoutHttp.UploadAsync(server, png, "image/png", "Tavern map (copy)");
        Assert.That(other.Body.GetProperty("handout").GetProperty("id").GetString(), Is.EqualTo("ho_000002"));

        var files = Directory.GetFiles(Path.Combine(server.DataDirectory, "handouts"));
        Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { sha + ".png" }), "stored once per content, no temp files left");
        Assert.That(await File.ReadAllBytesAsync(files[0]), Is.EqualTo(png));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(files[0]), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Path.Combine(server.DataDirectory, "handouts")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        }
    }

    [TestCase("image/gif", 640, 480)]
    [TestCase("image/jpeg", 1024, 768)]
    [TestCase("image/webp", 300, 200)]
    public async Task Upload_EachFormat_ReadsWidthAndHeightFromTheHeader(string type, int width, int height)
    {
        await using var server = await TestServer.StartAsync();
        var bytes = type switch
        {
            "image/gif" => TestImages.Gif(width, height),
            "image/jpeg" => TestImages.Jpeg(width, height),
            _ => TestImages.WebP(width, height),
        };

        var (status, body) = await HandoutHttp.UploadAsync(server, bytes, type);

        Assert.That(status, Is.EqualTo(201), body.ToString());
        Assert.That(body.GetProperty("handout").GetProperty("width").GetInt32(), Is.EqualTo(width));
        Assert.That(body.GetProperty("handout").GetProperty("height").GetInt32(), Is.EqualTo(height));
        Assert.That(body.GetProperty("handout").GetProperty("type").GetString(), Is.EqualTo(type));
    }

    [TestCase("svg", "image/png")]
    [TestCase("html", "image/png")]
    [TestCase("svg", "image/svg+xml")]
    [TestCase("html", "text/html")]
    [TestCase("png", "image/jpeg")]
    [TestCase("png", "")]
    public async Task Upload_NotWhatTheTypeSays_Is415AndStoresNothing(string what, string contentType)
    {
        await using var server = await TestServer.StartAsync();
        var bytes = what switch
        {
            "svg" => TestImages.Svg(),
            "html" => TestImages.Html(),
            _ => TestImages.Png(2, 2),
        };

        using var client = server.Client("dm");
        using var content = new ByteArrayContent(bytes);
        if (contentType.Length > 0)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await client.PostAsync("/api/dm/handouts?title=Clue", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(415), text);
        Assert.That(text, Does.Contain("\"code\":\"unsupported_image\""));
        Assert.That(text, Does.Contain("image/png"), "the message says what to send");
        Assert.That(await HandoutHttp.ListedAsync(server, "dm"), Is.Empty);
        var folder = Path.Combine(server.DataDirectory, "handouts");
        Assert.That(Directory.Exists(folder) ? Directory.GetFiles(folder) : [], Is.Empty);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Upload_OverMaxHandoutMb_Is413TooLarge(bool sendLength)
    {
        await using var server = await TestServer.StartAsync(path => new PartyMode.Cli.Hosting.PartyServerOptions
        {
            DataDirectory = path,
            Port = 0,
            BindAddress = "127.0.0.1",
            MaxHandoutMb = 1,
        });
        // A real PNG header, then padding past 1 MB: only the size is wrong.
        var bytes = TestImages.Png(2, 2).Concat(new byte[1024 * 1024]).ToArray();
        using var client = server.Client("dm");
        HttpContent content = sendLength ? new ByteArrayContent(bytes) : new StreamContent(new NoLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var response = await client.PostAsync("/api/dm/handouts?title=Huge", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(413), text);
        Assert.That(text, Does.Contain("\"code\":\"too_large\"").And.Contain("--max-handout-mb"));
        Assert.That(await HandoutHttp.ListedAsync(server, "dm"), Is.Empty);

        // Under the limit, the same server takes a 900 KB image (past Kestrel's usual 1 MiB cap for JSON bodies is not needed).
        var fine = TestImages.Png(2, 2).Concat(new byte[900 * 1024]).ToArray();
        var ok = await HandoutHttp.UploadAsync(server, fine, "image/png", "Big but fine");
        Assert.That(ok.Status, Is.EqualTo(201), ok.Body.ToString());
    }

    [Test]
    public async Task Upload_ByAPlayerOrWithoutTitle_IsRefusedBeforeTheBody()
    {
        await using var server = await TestServer.StartAsync();

        var player = await HandoutHttp.UploadAsync(server, TestImages.Png(2, 2), "image/png", "Mine", seat: "thorin");
        Assert.That(player.Status, Is.EqualTo(403));
        var untitled = await HandoutHttp.UploadAsync(server, TestImages.Png(2, 2), "image/png", "  ");
        Assert.That(untitled.Status, Is.EqualTo(400));
        Assert.That(untitled.Body.ToString(), Does.Contain("title"));
    }

    [Test]
    public async Task Image_ShownToOnePlayer_ServedToThatPlayerAndTheDmOnly_WithCacheHeaders()
    {
        await using var server = await TestServer.StartAsync();
        var id = await HandoutHttp.UploadPngAsync(server, "Letter for Vex");
        var shown = await HandoutHttp.ShowAsync(server, id, new[] { "vex" }, "Only you can read it.");
        Assert.That(shown.GetProperty("event").GetProperty("type").GetString(), Is.EqualTo("handout"));
        Assert.That(shown.GetProperty("event").GetProperty("handout_id").GetString(), Is.EqualTo(id));

        using var vexImage = await HandoutHttp.ImageAsync(server, "vex", id);
        Assert.That((int)vexImage.StatusCode, Is.EqualTo(200));
        Assert.That(vexImage.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        Assert.That(vexImage.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(vexImage.Headers.NonValidated["Cache-Control"].ToString(), Is.EqualTo("private, max-age=31536000, immutable"));
        Assert.That(await vexImage.Content.ReadAsByteArrayAsync(), Is.EqualTo(TestImages.Png(4, 3, 200)));

        foreach (var seat in new[] { "thorin", "elara", "gorm", "observer" })
        {
            using var refused = await HandoutHttp.ImageAsync(server, seat, id);
            Assert.That((int)refused.StatusCode, Is.EqualTo(404), seat);
            Assert.That(await HandoutHttp.ListedAsync(server, seat), Is.Empty, seat);
        }

        using var unknown = await HandoutHttp.ImageAsync(server, "vex", "ho_000099");
        Assert.That((int)unknown.StatusCode, Is.EqualTo(404), "an unknown id answers like a hidden one");
        Assert.That(await HandoutHttp.ListedAsync(server, "vex"), Is.EqualTo(new[] { id }));
        using var asVex = await HandoutHttp.ImageAsync(server, "dm", id, asSeat: "vex");
        using var asThorin = await HandoutHttp.ImageAsync(server, "dm", id, asSeat: "thorin");
        Assert.That(((int)asVex.StatusCode, (int)asThorin.StatusCode), Is.EqualTo((200, 404)));
    }

    [Test]
    public async Task List_NewestShowingFirst_WithTheShowingsText()
    {
        await using var server = await TestServer.StartAsync();
        var map = await HandoutHttp.UploadPngAsync(server, "Map", red: 1);
        var portrait = await HandoutHttp.UploadPngAsync(server, "Portrait", red: 2);
        var secret = await HandoutHttp.UploadPngAsync(server, "Secret", red: 3);
        await HandoutHttp.ShowAsync(server, map, "party", "First look");
        await HandoutHttp.ShowAsync(server, portrait, "public");
        await HandoutHttp.ShowAsync(server, map, null, "Look again");

        Assert.That(await HandoutHttp.ListedAsync(server, "elara"), Is.EqualTo(new[] { map, portrait }));
        Assert.That(await HandoutHttp.ListedAsync(server, "observer"), Is.EqualTo(new[] { map, portrait }));
        var dm = await HandoutHttp.ListedAsync(server, "dm");
        Assert.That(dm, Is.EquivalentTo(new[] { map, portrait, secret }), "the DM lists never-shown uploads too");
        var elara = (await server.GetJsonAsync("elara", "/api/handouts")).GetProperty("handouts")[0];
        Assert.That(elara.GetProperty("text").GetString(), Is.EqualTo("Look again"));
        Assert.That(elara.GetProperty("shown_seq").GetInt64(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Show_BadInput_GetsAnErrorNamingIt()
    {
        await using var server = await TestServer.StartAsync();
        var id = await HandoutHttp.UploadPngAsync(server, "Map");
        using var dm = server.Client("dm");

        async Task<(int, string)> Post(string path, string json)
        {
            var r = await dm.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
            return ((int)r.StatusCode, await r.Content.ReadAsStringAsync());
        }

        var (s1, t1) = await Post($"/api/dm/handouts/{id}/show", "{\"audience\":[\"nobody\"]}");
        Assert.That(s1, Is.EqualTo(400));
        Assert.That(t1, Does.Contain("unknown_player"));
        var (s2, t2) = await Post($"/api/dm/handouts/{id}/show", "{\"audience\":\"everyone\"}");
        Assert.That(s2, Is.EqualTo(400));
        Assert.That(t2, Does.Contain("\\\"tv\\\""));
        var (s3, _) = await Post("/api/dm/handouts/ho_000042/show", "{}");
        Assert.That(s3, Is.EqualTo(404));
        var (s4, t4) = await Post("/api/dm/tv", "{}");
        Assert.That(s4, Is.EqualTo(400));
        Assert.That(t4, Does.Contain("clear"));
        var (s5, _) = await Post("/api/dm/tv", "{\"handout_id\":\"ho_000042\"}");
        Assert.That(s5, Is.EqualTo(404));
        Assert.That(await HandoutHttp.ListedAsync(server, "thorin"), Is.Empty, "nothing was shown by the refused calls");
    }

    /// <summary>A body without a known length (sent chunked).</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
