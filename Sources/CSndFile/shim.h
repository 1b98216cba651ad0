#ifndef STILTE_CSNDFILE_SHIM_H
#define STILTE_CSNDFILE_SHIM_H

#include <sndfile.h>

#endif
