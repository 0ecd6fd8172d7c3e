# Errand's Python launcher (see errand-stub.c, "preload"): started with `python3 -c` while the
# sandbox waits, so the interpreter's start-up is off the request's path. Runs the request's main
# file as `python3 FILE ARGS...` would: a fresh __main__, sys.argv, sys.path[0], __file__, exit
# status and tracebacks match (the launcher's frames are cut from tracebacks; they still count
# towards the recursion limit, which is reached 3 frames sooner).
def _errand_launch():
    import os, sys
    os.close(4)  # ready: the interpreter is up
    data = bytearray()
    while chunk := os.read(3, 65536):
        data += chunk
    os.close(3)
    # the run's arguments after `python3`; fds 0 to 2 are already its stdin, stdout and stderr files
    argv = [os.fsdecode(bytes(p)) for p in data.split(b"\0")[:-1]]
    path = os.path.abspath(argv[0])
    sys.argv = argv
    sys.path[0] = os.path.dirname(path)
    main = sys.modules["__main__"].__dict__
    builtins = main["__builtins__"]
    loader = sys.modules["_frozen_importlib_external"].SourceFileLoader("__main__", path)
    main.clear()
    main.update(__name__="__main__", __doc__=None, __package__=None, __loader__=loader, __spec__=None,
                __annotations__={}, __builtins__=builtins, __file__=path, __cached__=None)
    try:
        with open(path, "rb") as f:
            source = f.read()
        code = compile(source, path, "exec", dont_inherit=True)
        exec(code, main)
    except SystemExit:
        raise
    except BaseException as e:
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != path:
            tb = tb.tb_next
        sys.excepthook(type(e), e.with_traceback(tb), tb)
        if isinstance(e, KeyboardInterrupt):
            import signal
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
        sys.exit(1)


_errand_launch()
