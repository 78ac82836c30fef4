#include <stdio.h>
int main(void)
{
    puts("podium: under construction");
    return 0;
}
