namespace SecureExec.Testing.Tests.Frameworks;

/// <summary>
/// Popular server frameworks, unchanged from npm, run in the guest and driven from the host with FetchAsync
/// (guest egress denied: everything stays on the VM's loopback).
/// </summary>
public sealed class FrameworkTests(NpmPackages packages) : IClassFixture<NpmPackages>
{
    private async Task<NodeRuntime> CreateAsync() => await NodeRuntime.CreateAsync(new NodeRuntimeOptions
    {
        Cwd = "/app",
        Mounts = [new MountOptions { HostPath = packages.NodeModules, GuestPath = "/app/node_modules", ReadOnly = true }],
    });

    private static async Task<NodeProcess> StartAsync(NodeRuntime rt, string code, int port)
    {
        var server = await rt.SpawnAsync(code, new SpawnOptions { Cwd = "/app" });
        await rt.WaitForListenerAsync(new ListenerQuery { Port = port }, TimeSpan.FromSeconds(30));
        return server;
    }

    [Fact]
    public async Task Express_JsonRoutesAndBodyParser()
    {
        await using var rt = await CreateAsync();
        await using var server = await StartAsync(rt, """
            import express from "express";
            const app = express();
            app.use(express.json());
            app.get("/hello/:name", (req, res) => res.json({ hello: req.params.name, q: req.query.q }));
            app.post("/echo", (req, res) => res.status(201).send({ got: req.body }));
            app.listen(3000);
            """, 3000);
        var r = await rt.FetchAsync(3000, new FetchRequest { Path = "/hello/world?q=1" });
        Assert.Equal((200, """{"hello":"world","q":"1"}"""), (r.Status, r.Body));
        Assert.StartsWith("application/json", r.Headers["content-type"]);
        Assert.Equal("Express", r.Headers["x-powered-by"]);
        r = await rt.FetchAsync(3000, new FetchRequest
        {
            Method = "POST", Path = "/echo", Body = """{"a":1}""",
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        });
        Assert.Equal((201, """{"got":{"a":1}}"""), (r.Status, r.Body));
        Assert.Equal(404, (await rt.FetchAsync(3000, new FetchRequest { Path = "/missing" })).Status);
    }

    [Fact]
    public async Task Hono_NodeServer_RoutesAndBodies()
    {
        await using var rt = await CreateAsync();
        await using var server = await StartAsync(rt, """
            import { Hono } from "hono";
            import { serve } from "@hono/node-server";
            const app = new Hono();
            app.get("/h/:id", (c) => c.json({ id: c.req.param("id") }));
            app.post("/p", async (c) => c.text("got " + await c.req.text(), 202));
            serve({ fetch: app.fetch, port: 3001 });
            """, 3001);
        var r = await rt.FetchAsync(3001, new FetchRequest { Path = "/h/7" });
        Assert.Equal((200, """{"id":"7"}"""), (r.Status, r.Body));
        r = await rt.FetchAsync(3001, new FetchRequest { Method = "POST", Path = "/p", Body = "xyz" });
        Assert.Equal((202, "got xyz"), (r.Status, r.Body));
    }

    [Fact]
    public async Task Fastify_RoutesAndJsonBody()
    {
        await using var rt = await CreateAsync();
        await using var server = await StartAsync(rt, """
            import Fastify from "fastify";
            const app = Fastify();
            app.get("/f/:id", async (req) => ({ id: req.params.id }));
            app.post("/f", async (req, reply) => { reply.code(201); return { body: req.body }; });
            await app.listen({ port: 3002 });
            """, 3002);
        var r = await rt.FetchAsync(3002, new FetchRequest { Path = "/f/9" });
        Assert.Equal((200, """{"id":"9"}"""), (r.Status, r.Body));
        r = await rt.FetchAsync(3002, new FetchRequest
        {
            Method = "POST", Path = "/f", Body = """{"z":2}""",
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        });
        Assert.Equal((201, """{"body":{"z":2}}"""), (r.Status, r.Body));
    }

    [Fact]
    public async Task Koa_Middleware_JsonBody()
    {
        await using var rt = await CreateAsync();
        await using var server = await StartAsync(rt, """
            import Koa from "koa";
            const app = new Koa();
            app.use(async (ctx) => { ctx.body = { path: ctx.path, method: ctx.method }; });
            app.listen(3003);
            """, 3003);
        var r = await rt.FetchAsync(3003, new FetchRequest { Path = "/k?x=1" });
        Assert.Equal((200, """{"path":"/k","method":"GET"}"""), (r.Status, r.Body));
    }
}
