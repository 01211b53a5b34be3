/* A page's characters and text objects from PDFium in one call each.
 *
 * The pure-Python reader in pdfium.py makes the same PDFium calls one character at a time
 * through ctypes, about 2 us a character; this does the loop in C. It takes the functions'
 * addresses from pypdfium2, which has loaded PDFium, so it needs no PDFium headers and
 * links to nothing: the signatures below are PDFium's public ones (fpdf_text.h, fpdf_edit.h).
 * It returns raw columns as bytes; every decision about them stays in Python.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#if defined(_WIN32) && !defined(_WIN64)
#define FPDF_CALLCONV __stdcall
#else
#define FPDF_CALLCONV
#endif

typedef struct { float left, top, right, bottom; } RectF;
typedef struct { float a, b, c, d, e, f; } Matrix;

typedef int (FPDF_CALLCONV *count_fn)(void *);
typedef unsigned int (FPDF_CALLCONV *unicode_fn)(void *, int);
typedef int (FPDF_CALLCONV *flag_fn)(void *, int);
typedef int (FPDF_CALLCONV *box_fn)(void *, int, RectF *);
typedef void *(FPDF_CALLCONV *object_at_fn)(void *, int);
typedef int (FPDF_CALLCONV *type_fn)(void *);
typedef void *(FPDF_CALLCONV *font_fn)(void *);
typedef int (FPDF_CALLCONV *size_fn)(void *, float *);
typedef int (FPDF_CALLCONV *matrix_fn)(void *, Matrix *);

/* A non-null pointer from a Python int; NULL with an exception set otherwise. */
static void *pointer(PyObject *value, const char *what) {
    void *p = PyLong_AsVoidPtr(value);
    if (p == NULL && !PyErr_Occurred())
        PyErr_Format(PyExc_ValueError, "a null %s", what);
    return p;
}

static int addresses(PyObject *seq, void **out, Py_ssize_t n) {
    if (!PyTuple_Check(seq) || PyTuple_GET_SIZE(seq) != n) {
        PyErr_Format(PyExc_TypeError, "expected a tuple of %zd function addresses", n);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = pointer(PyTuple_GET_ITEM(seq, i), "function address");
        if (out[i] == NULL)
            return -1;
    }
    return 0;
}

/* chars((CountChars, GetUnicode, IsGenerated, HasUnicodeMapError, GetLooseCharBox,
 *        GetTextObject), textpage) -> (codes uint32[n], flags uint8[n][2] (generated, map error),
 *        boxes float32[n][4] (left, top, right, bottom; zeros where PDFium has none),
 *        text objects uint64[n]) */
static PyObject *chars(PyObject *self, PyObject *args) {
    PyObject *calls, *tp_obj;
    void *tp;
    void *f[6];
    if (!PyArg_ParseTuple(args, "OO", &calls, &tp_obj) || addresses(calls, f, 6) < 0)
        return NULL;
    tp = pointer(tp_obj, "text page");
    if (tp == NULL)
        return NULL;
    int n = ((count_fn)f[0])(tp);
    if (n < 0)
        n = 0;
    PyObject *codes = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n * 4);
    PyObject *flags = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n * 2);
    PyObject *boxes = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n * 16);
    PyObject *objects = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n * 8);
    if (!codes || !flags || !boxes || !objects) {
        Py_XDECREF(codes); Py_XDECREF(flags); Py_XDECREF(boxes); Py_XDECREF(objects);
        return NULL;
    }
    uint32_t *code = (uint32_t *)PyBytes_AS_STRING(codes);
    uint8_t *flag = (uint8_t *)PyBytes_AS_STRING(flags);
    RectF *box = (RectF *)PyBytes_AS_STRING(boxes);
    uint64_t *object = (uint64_t *)PyBytes_AS_STRING(objects);
    for (int i = 0; i < n; i++) {
        code[i] = ((unicode_fn)f[1])(tp, i);
        flag[2 * i] = code[i] == 32 && ((flag_fn)f[2])(tp, i) > 0;
        flag[2 * i + 1] = ((flag_fn)f[3])(tp, i) > 0;
        if (!((box_fn)f[4])(tp, i, &box[i]))
            memset(&box[i], 0, sizeof(RectF));
        object[i] = (uint64_t)(uintptr_t)((object_at_fn)f[5])(tp, i);
    }
    return Py_BuildValue("NNNN", codes, flags, boxes, objects);
}

/* objects((CountObjects, GetObject, GetType, TextObj_GetFont, TextObj_GetFontSize,
 *          PageObj_GetMatrix), page, TEXT type, PATH type) -> (number of paths,
 *          addresses uint64[k], font sizes float32[k], matrix c float32[k], matrix d float32[k],
 *          fonts uint64[k]) for the page's top-level text objects whose size and matrix are known */
static PyObject *objects(PyObject *self, PyObject *args) {
    PyObject *calls, *page_obj;
    int text_type, path_type, k = 0, paths = 0;
    void *f[6];
    if (!PyArg_ParseTuple(args, "OOii", &calls, &page_obj, &text_type, &path_type) || addresses(calls, f, 6) < 0)
        return NULL;
    void *page = pointer(page_obj, "page");
    if (page == NULL)
        return NULL;
    int total = ((count_fn)f[0])(page);
    if (total < 0)
        total = 0;
    uint64_t *address = PyMem_Malloc(sizeof(uint64_t) * (total + 1));
    uint64_t *font = PyMem_Malloc(sizeof(uint64_t) * (total + 1));
    float *size = PyMem_Malloc(sizeof(float) * (total + 1));
    float *c = PyMem_Malloc(sizeof(float) * (total + 1));
    float *d = PyMem_Malloc(sizeof(float) * (total + 1));
    PyObject *result = NULL;
    if (!address || !font || !size || !c || !d) {
        PyErr_NoMemory();
        goto done;
    }
    for (int i = 0; i < total; i++) {
        void *obj = ((object_at_fn)f[1])(page, i);
        int kind = ((type_fn)f[2])(obj);
        if (kind == path_type) {
            paths++;
        } else if (kind == text_type) {
            float value = 0;
            Matrix m;
            if (((size_fn)f[4])(obj, &value) && ((matrix_fn)f[5])(obj, &m)) {
                address[k] = (uint64_t)(uintptr_t)obj;
                size[k] = value;
                c[k] = m.c;
                d[k] = m.d;
                font[k] = (uint64_t)(uintptr_t)((font_fn)f[3])(obj);
                k++;
            }
        }
    }
    result = Py_BuildValue("iy#y#y#y#y#", paths, (const char *)address, (Py_ssize_t)k * 8,
                           (const char *)size, (Py_ssize_t)k * 4, (const char *)c, (Py_ssize_t)k * 4,
                           (const char *)d, (Py_ssize_t)k * 4, (const char *)font, (Py_ssize_t)k * 8);
done:
    PyMem_Free(address); PyMem_Free(font); PyMem_Free(size); PyMem_Free(c); PyMem_Free(d);
    return result;
}

static PyMethodDef methods[] = {
    {"chars", chars, METH_VARARGS, "A text page's characters: codes, flags, boxes and text objects, as bytes."},
    {"objects", objects, METH_VARARGS, "A page's top-level text objects and its number of paths, as bytes."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_pdfium_reader", "PDFium's characters and text objects, a page at a time.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__pdfium_reader(void) { return PyModule_Create(&module); }
